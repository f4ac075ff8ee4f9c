#pragma once

#include <QIcon>
#include <QString>

namespace mq::gui {

// In-app icons from :/icons/ui/<name>.svg. Line icons drawn with currentColor follow the
// palette (dark mode, disabled, selected) and render sharp at any device pixel ratio.
QIcon icon(const QString &name);
QIcon appIcon();

} // namespace mq::gui
