#include "Log.h"

Q_LOGGING_CATEGORY(lcGui, "mqdesk.gui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProfiles, "mqdesk.gui.profiles", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFeed, "mqdesk.gui.feed", QtInfoMsg)
Q_LOGGING_CATEGORY(lcComposer, "mqdesk.gui.composer", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "mqdesk.gui.session", QtInfoMsg)
