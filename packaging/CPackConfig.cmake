# Packaging: install rules for the desktop integration files, then CPack settings for every
# platform's generators. Included at the end of the root CMakeLists.txt, so every target exists.
# Linux: DEB + TGZ (packaging/build-packages.sh). Windows: NSIS + ZIP. macOS: DragNDrop.
include(${CMAKE_CURRENT_LIST_DIR}/install.cmake)

set(MQDESK_APP_ID io.github.mqcloud.mqdesk)
set(MQDESK_PACKAGE_MAINTAINER "MQCloud Desk maintainers <mqdesk@users.noreply.github.com>"
    CACHE STRING "Maintainer written into the packages (Debian: Maintainer field)")

set(CPACK_PACKAGE_NAME mqdesk)
set(CPACK_PACKAGE_VENDOR "MQCloud Desk contributors")
set(CPACK_PACKAGE_CONTACT "${MQDESK_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop console for RocketMQ topics on MQCloud")
set(CPACK_PACKAGE_DESCRIPTION_FILE ${CMAKE_CURRENT_LIST_DIR}/description.txt)
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_PACKAGE_INSTALL_DIRECTORY "MQCloud Desk")
set(CPACK_PACKAGE_EXECUTABLES mqdesk "MQCloud Desk")
set(CPACK_STRIP_FILES TRUE)
set(CPACK_VERBATIM_VARIABLES TRUE)

set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/node_modules/" "\\\\.swp$")

if(WIN32)
  set(CPACK_GENERATOR NSIS ZIP)
  set(CPACK_PACKAGE_FILE_NAME "mqdesk-${PROJECT_VERSION}-windows-x64")
  file(TO_NATIVE_PATH "${CMAKE_CURRENT_LIST_DIR}/windows/mqdesk.ico" _mqdesk_ico)
  set(CPACK_NSIS_PACKAGE_NAME "MQCloud Desk ${PROJECT_VERSION}")
  set(CPACK_NSIS_DISPLAY_NAME "MQCloud Desk")
  set(CPACK_NSIS_MUI_ICON "${_mqdesk_ico}")
  set(CPACK_NSIS_MUI_UNIICON "${_mqdesk_ico}")
  set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\mqdesk.exe")
  set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
  set(CPACK_NSIS_MUI_FINISHPAGE_RUN mqdesk.exe)
  set(CPACK_CREATE_DESKTOP_LINKS mqdesk)
  # Offers to put bin\ (mqdesk-cli.exe) on PATH.
  set(CPACK_NSIS_MODIFY_PATH ON)
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
  set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
  set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
  set(CPACK_NSIS_HELP_LINK ${PROJECT_HOMEPAGE_URL})
  set(CPACK_NSIS_CONTACT "${MQDESK_PACKAGE_MAINTAINER}")
  set(CPACK_NSIS_BRANDING_TEXT "MQCloud Desk ${PROJECT_VERSION}")
elseif(APPLE)
  set(CPACK_GENERATOR DragNDrop)
  set(CPACK_PACKAGE_FILE_NAME "mqdesk-${PROJECT_VERSION}-macos")
  set(CPACK_PACKAGE_ICON ${CMAKE_CURRENT_LIST_DIR}/macos/mqdesk.icns)
  set(CPACK_DMG_VOLUME_NAME "MQCloud Desk ${PROJECT_VERSION}")
  set(CPACK_DMG_FORMAT UDBZ)
else()
  set(CPACK_GENERATOR DEB TGZ)
  execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE _mqdesk_deb_arch
                  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT _mqdesk_deb_arch)
    set(_mqdesk_deb_arch ${CMAKE_SYSTEM_PROCESSOR})
  endif()
  set(CPACK_PACKAGE_FILE_NAME "mqdesk-${PROJECT_VERSION}-linux-${_mqdesk_deb_arch}")

  set(CPACK_DEBIAN_PACKAGE_NAME mqdesk)
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # mqdesk_<version>_<arch>.deb
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${_mqdesk_deb_arch})
  set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${MQDESK_PACKAGE_MAINTAINER}")
  set(CPACK_DEBIAN_PACKAGE_SECTION net)
  set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  if(TARGET mqdesk)
    # The xcb platform plugin is loaded with dlopen, so dpkg-shlibdeps cannot see it. (The SVG
    # icon engine ships in libqt6svg6, which shlibdeps finds through libQt6Svg.)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
    # CJK glyphs for the zh_CN translation and Chinese message bodies; Qt's own translated
    # dialogs; a native Wayland session.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, qt6-translations-l10n, qt6-wayland")
  endif()
  set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
  set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
endif()

include(CPack)
