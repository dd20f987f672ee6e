#include "ui/exit_chord.h"

#include <algorithm>
#include <cctype>

namespace machikado::ui {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

bool ExitChord::Matches(SDL_Keycode pressed, Uint16 mod) const {
  if (key == SDLK_UNKNOWN || pressed != key) return false;
  return ctrl == ((mod & KMOD_CTRL) != 0) && alt == ((mod & KMOD_ALT) != 0) &&
         shift == ((mod & KMOD_SHIFT) != 0) && gui == ((mod & KMOD_GUI) != 0);
}

std::string ExitChord::ToString() const {
  std::string s;
  if (ctrl) s += "ctrl+";
  if (alt) s += "alt+";
  if (shift) s += "shift+";
  if (gui) s += "gui+";
  return s + Lower(SDL_GetKeyName(key));
}

Result<ExitChord> ParseExitChord(std::string_view text) {
  ExitChord chord;
  int modifiers = 0;
  size_t start = 0;
  const std::string all(text);
  if (Trim(all).empty())
    return Status::Invalid("exit_chord is empty; expected e.g. \"ctrl+alt+shift+q\"");
  while (start <= all.size()) {
    size_t end = all.find('+', start);
    if (end == std::string::npos) end = all.size();
    const std::string part = Lower(Trim(std::string_view(all).substr(start, end - start)));
    start = end + 1;
    if (part.empty())
      return Status::Invalid("exit_chord \"" + all + "\" has an empty part between '+' signs");
    bool* flag = nullptr;
    if (part == "ctrl" || part == "control")
      flag = &chord.ctrl;
    else if (part == "alt" || part == "option")
      flag = &chord.alt;
    else if (part == "shift")
      flag = &chord.shift;
    else if (part == "gui" || part == "super" || part == "meta" || part == "win")
      flag = &chord.gui;
    if (flag) {
      if (*flag) return Status::Invalid("exit_chord \"" + all + "\" names '" + part + "' twice");
      *flag = true;
      ++modifiers;
      continue;
    }
    if (chord.key != SDLK_UNKNOWN)
      return Status::Invalid("exit_chord \"" + all + "\" names more than one key ('" + part + "')");
    const SDL_Keycode k = SDL_GetKeyFromName(part.c_str());
    if (k == SDLK_UNKNOWN)
      return Status::Invalid("exit_chord \"" + all + "\": unknown key '" + part + "'");
    chord.key = k;
  }
  if (chord.key == SDLK_UNKNOWN)
    return Status::Invalid("exit_chord \"" + all + "\" names no key, only modifiers");
  if (modifiers < 2)
    return Status::Invalid(
        "exit_chord \"" + all +
        "\" needs at least two modifiers (e.g. ctrl+alt+shift+q) so that visitors "
        "cannot leave the kiosk by accident");
  return chord;
}

}  // namespace machikado::ui
