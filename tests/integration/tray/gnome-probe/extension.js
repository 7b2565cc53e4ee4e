// Limber's test probe (GNOME Shell 43 and 44, legacy extension format).
// Loaded only into the private gnome-shell that a test starts. Banners are
// blocked first: turning on unsafe mode announces itself with one, which
// would cover the windows the tests photograph.
const Main = imports.ui.main;

function init() {}

function enable() {
  Main.messageTray.bannerBlocked = true;
  global.context.unsafe_mode = true;
}

function disable() {
  global.context.unsafe_mode = false;
  Main.messageTray.bannerBlocked = false;
}
