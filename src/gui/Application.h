#pragma once

namespace mq::gui {

// The whole of `mqdesk`'s main(): command line, language, main window, event loop.
int runApplication(int argc, char *argv[]);

// Embedded resources of the static library (icons); call once before using them.
void initResources();

} // namespace mq::gui
