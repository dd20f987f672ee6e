#include "render/number_format.h"

#include <cmath>
#include <cstdio>

namespace machikado::render {

std::string FormatNumber(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  // Thousands separators for readability (1,200).
  const size_t dot = s.find('.');
  const size_t end = dot == std::string::npos ? s.size() : dot;
  for (int i = int(end) - 3; i > (s[0] == '-' ? 1 : 0); i -= 3) s.insert(size_t(i), ",");
  return s;
}

}  // namespace machikado::render
