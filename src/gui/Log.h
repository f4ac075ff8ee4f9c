#pragma once

#include <QLoggingCategory>

// Logging categories of the desktop console; enable with QT_LOGGING_RULES="mqdesk.gui.*=true".
Q_DECLARE_LOGGING_CATEGORY(lcGui)
Q_DECLARE_LOGGING_CATEGORY(lcProfiles)
Q_DECLARE_LOGGING_CATEGORY(lcFeed)
Q_DECLARE_LOGGING_CATEGORY(lcComposer)
Q_DECLARE_LOGGING_CATEGORY(lcSession)
