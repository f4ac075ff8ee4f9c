# Install rules that belong to packaging rather than to one target: desktop integration on
# Linux (desktop entry, AppStream metainfo, hicolor icons, man pages) and Qt runtime deployment
# on Windows and macOS. The programs' own install(TARGETS) rules live with their targets.
# Translations need nothing here: src/gui embeds the .qm files under :/i18n.
set(_mqdesk_id io.github.mqcloud.mqdesk)
set(_mqdesk_res ${CMAKE_SOURCE_DIR}/resources)

if(UNIX AND NOT APPLE)
  if(TARGET mqdesk)
    # Installed under the app id so Wayland's app_id and AppStream's launchable match it.
    install(FILES ${_mqdesk_res}/mqdesk.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications
            RENAME ${_mqdesk_id}.desktop)
    install(FILES ${_mqdesk_res}/${_mqdesk_id}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(DIRECTORY ${_mqdesk_res}/icons/hicolor DESTINATION ${CMAKE_INSTALL_DATADIR}/icons)
  endif()

  # Debian policy wants man pages gzipped; -n keeps the archive reproducible.
  set(_mqdesk_man_pages mqdesk-cli.1)
  if(TARGET mqdesk)
    list(APPEND _mqdesk_man_pages mqdesk.1)
  endif()
  set(_mqdesk_man_gz "")
  foreach(page IN LISTS _mqdesk_man_pages)
    set(out ${CMAKE_BINARY_DIR}/packaging/man/${page})
    add_custom_command(OUTPUT ${out}.gz
      COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_CURRENT_LIST_DIR}/man/${page} ${out}
      COMMAND gzip -9nf ${out}
      DEPENDS ${CMAKE_CURRENT_LIST_DIR}/man/${page}
      COMMENT "Compressing man page ${page}" VERBATIM)
    list(APPEND _mqdesk_man_gz ${out}.gz)
  endforeach()
  add_custom_target(mqdesk_man_pages ALL DEPENDS ${_mqdesk_man_gz})
  install(FILES ${_mqdesk_man_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

if(WIN32 AND TARGET mqdesk)
  # A window, not a console, and the icon embedded in mqdesk.exe (the installer's shortcuts use it).
  set_target_properties(mqdesk PROPERTIES WIN32_EXECUTABLE TRUE)
  target_sources(mqdesk PRIVATE ${CMAKE_CURRENT_LIST_DIR}/windows/mqdesk.rc)
  # windeployqt copies the Qt DLLs and plugins both programs need; the other DLLs (zlib, zstd,
  # lz4, QCoro, qtkeychain) are collected from the executables' import tables.
  file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/packaging/deploy-windows.cmake CONTENT "
include(\"${QT_DEPLOY_SUPPORT}\")
qt6_deploy_runtime_dependencies(EXECUTABLE \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:mqdesk>\"
  ADDITIONAL_EXECUTABLES \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:mqdesk-cli>\" GENERATE_QT_CONF)
file(GET_RUNTIME_DEPENDENCIES
  EXECUTABLES \"$<TARGET_FILE:mqdesk>\" \"$<TARGET_FILE:mqdesk-cli>\"
  RESOLVED_DEPENDENCIES_VAR deps UNRESOLVED_DEPENDENCIES_VAR missing
  DIRECTORIES \"$<TARGET_FILE_DIR:Qt6::Core>\" \$ENV{PATH}
  PRE_EXCLUDE_REGEXES \"^api-ms-\" \"^ext-ms-\"
  POST_EXCLUDE_REGEXES \".*[Ss]ystem32/.*\")
if(missing)
  message(WARNING \"DLLs not found for the installer: \${missing}\")
endif()
if(deps)
  file(INSTALL \${deps} DESTINATION \"\${QT_DEPLOY_PREFIX}/\${QT_DEPLOY_BIN_DIR}\")
endif()
")
  install(SCRIPT ${CMAKE_BINARY_DIR}/packaging/deploy-windows.cmake)
endif()

if(APPLE AND TARGET mqdesk)
  # DragNDrop wants a self-contained MQCloud Desk.app; mqdesk-cli rides inside it
  # (Contents/MacOS) so it finds the same deployed Qt frameworks.
  set(_mqdesk_icns ${CMAKE_CURRENT_LIST_DIR}/macos/mqdesk.icns)
  target_sources(mqdesk PRIVATE ${_mqdesk_icns})
  set_source_files_properties(${_mqdesk_icns} TARGET_DIRECTORY mqdesk
                              PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
  set_target_properties(mqdesk PROPERTIES
    MACOSX_BUNDLE TRUE
    OUTPUT_NAME "MQCloud Desk"
    MACOSX_BUNDLE_BUNDLE_NAME "MQCloud Desk"
    MACOSX_BUNDLE_GUI_IDENTIFIER ${_mqdesk_id}
    MACOSX_BUNDLE_ICON_FILE mqdesk.icns
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_COPYRIGHT "MQCloud Desk contributors")
  file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/packaging/deploy-macos.cmake CONTENT "
include(\"${QT_DEPLOY_SUPPORT}\")
set(app \"\${QT_DEPLOY_PREFIX}/$<TARGET_FILE_NAME:mqdesk>.app\")
file(RENAME \"\${QT_DEPLOY_PREFIX}/\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:mqdesk-cli>\"
     \"\${app}/Contents/MacOS/$<TARGET_FILE_NAME:mqdesk-cli>\")
file(GLOB left \"\${QT_DEPLOY_PREFIX}/\${QT_DEPLOY_BIN_DIR}/*\")
if(NOT left)
  file(REMOVE_RECURSE \"\${QT_DEPLOY_PREFIX}/\${QT_DEPLOY_BIN_DIR}\")
endif()
qt6_deploy_runtime_dependencies(EXECUTABLE \"$<TARGET_FILE_NAME:mqdesk>.app\"
  ADDITIONAL_EXECUTABLES \"\${app}/Contents/MacOS/$<TARGET_FILE_NAME:mqdesk-cli>\")
")
  install(SCRIPT ${CMAKE_BINARY_DIR}/packaging/deploy-macos.cmake)
endif()
