# The X11 activity source: XInput 2.2 raw events and XScreenSaver idle time.
# libX11 >= 1.7 for XSetIOErrorExitHandler, without which a dying X server
# would make Xlib exit() the daemon.
pkg_check_modules(X11 REQUIRED IMPORTED_TARGET x11>=1.7)
pkg_check_modules(XI REQUIRED IMPORTED_TARGET xi)
pkg_check_modules(XSS REQUIRED IMPORTED_TARGET xscrnsaver)

add_library(limber_activity_x11 STATIC ${CMAKE_CURRENT_LIST_DIR}/x11_source.cc)
target_link_libraries(limber_activity_x11
  PUBLIC limber_daemon_base
  PRIVATE PkgConfig::X11 PkgConfig::XI PkgConfig::XSS limber_warnings)
target_link_libraries(limber_activity INTERFACE limber_activity_x11)
