// FormatNumber: a figure as staff and visitors read it — whole numbers without decimals, others
// with one, thousands grouped ("1,200", "3.5", "-12,000"). The one number formatter of the slides
// (project charts) and the detail view (metric lines). Pure; thread-safe.
#pragma once

#include <string>

namespace machikado::render {

std::string FormatNumber(double v);

}  // namespace machikado::render
