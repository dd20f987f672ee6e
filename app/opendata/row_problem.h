// A problem with one row of a municipal CSV, for the ward's IT staff: which line (the physical
// line the record starts on, 1-based, as an editor shows it) and what is wrong. Value type.
#pragma once

#include <cstddef>
#include <string>

namespace machikado::opendata {

struct RowProblem {
  size_t line = 0;
  std::string message;
};

}  // namespace machikado::opendata
