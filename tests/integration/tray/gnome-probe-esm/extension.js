// Limber's test probe (GNOME Shell 45 and later, ES-module extension
// format; gnome-probe/ is the same probe for 43 and 44). Loaded only into
// the private gnome-shell that a test starts. Banners are blocked first:
// turning on unsafe mode announces itself with one, which would cover the
// windows the tests photograph.
import * as Main from 'resource:///org/gnome/shell/ui/main.js';
import {Extension} from 'resource:///org/gnome/shell/extensions/extension.js';

export default class LimberProbe extends Extension {
    enable() {
        Main.messageTray.bannerBlocked = true;
        global.context.unsafe_mode = true;
    }

    disable() {
        global.context.unsafe_mode = false;
        Main.messageTray.bannerBlocked = false;
    }
}
