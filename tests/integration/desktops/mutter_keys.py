#!/usr/bin/python3
"""Presses keys in a headless Mutter through org.gnome.Mutter.RemoteDesktop.

usage: mutter_keys.py COUNT DELAY_MS
Opens a remote-desktop session on $DBUS_SESSION_BUS_ADDRESS, presses and
releases the key "a" (evdev code 30) COUNT times, DELAY_MS apart, closes the
session and exits. The first and the last press are (COUNT - 1) * DELAY_MS
apart.
"""
import sys
import time

import dbus

BUS = "org.gnome.Mutter.RemoteDesktop"
KEY_A = 30


def main():
    count, delay_ms = int(sys.argv[1]), int(sys.argv[2])
    bus = dbus.SessionBus()
    rd = dbus.Interface(bus.get_object(BUS, "/org/gnome/Mutter/RemoteDesktop"), BUS)
    path = rd.CreateSession()
    session = dbus.Interface(bus.get_object(BUS, path), BUS + ".Session")
    session.Start()
    for i in range(count):
        if i:
            time.sleep(delay_ms / 1000.0)
        session.NotifyKeyboardKeycode(dbus.UInt32(KEY_A), True)
        session.NotifyKeyboardKeycode(dbus.UInt32(KEY_A), False)
    session.Stop()


if __name__ == "__main__":
    main()
