// Drawing the touch chrome with Dear ImGui into DetailView's full-screen window: the open detail's
// top bar (category tabs, language button, close button) and the browsing bar (previous / next and
// the tabs), each button with its label, optional caption, icon and pressed look. Geometry from the
// frame's ChromeLayout (the same the InputInterpreter hit-tests); every box and text drawn goes
// into the LayoutRecord. Called by DetailView between its ImGui NewFrame and Render; render thread
// only.
#pragma once

#include "render/layout_record.h"
#include "ui/detail_view.h"

namespace machikado::ui {

void DrawDetailChrome(const DetailFrame& f, render::LayoutRecord& rec);
void DrawBrowseBar(const DetailFrame& f, render::LayoutRecord& rec);

}  // namespace machikado::ui
