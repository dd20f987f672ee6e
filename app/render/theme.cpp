#include "render/theme.h"

namespace machikado::render::theme {

Color KindAccent(feed::Kind k) {
  switch (k) {
    case feed::Kind::kNews:
      return kNews;
    case feed::Kind::kPreparedness:
      return kPreparedness;
    case feed::Kind::kProject:
      return kProject;
    case feed::Kind::kAlert:
      return kAlert;
    case feed::Kind::kVideo:  // local groups' clips sit with the news
      return kNews;
  }
  return kNews;
}

Color KindTint(feed::Kind k) {
  switch (k) {
    case feed::Kind::kNews:
      return kNewsTint;
    case feed::Kind::kPreparedness:
      return kPreparednessTint;
    case feed::Kind::kProject:
      return kProjectTint;
    case feed::Kind::kAlert:
      return kCard;
    case feed::Kind::kVideo:
      return kNewsTint;
  }
  return kCard;
}

Color LevelColor(int level) {
  switch (level) {
    case 5:
      return Rgb(0x0C000C);
    case 4:
      return Rgb(0xAA00AA);
    case 3:
      return Rgb(0xFF2800);
    case 2:
      return Rgb(0xF2E700);
    case 1:
      return Rgb(0xFFFFFF);
  }
  return kAlert;  // alerts outside the level system
}

Color LevelInk(int level) {
  // Black on L3 (white would be only 3.8:1), L2 and L1; white on L4, L5 and the no-level red.
  return (level >= 1 && level <= 3) ? Rgb(0x000000) : Rgb(0xFFFFFF);
}

}  // namespace machikado::render::theme
