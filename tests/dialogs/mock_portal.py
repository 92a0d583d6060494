"""A mock xdg-desktop-portal FileChooser, as a python3-dbusmock template, for the desktop dialog tests
(tests/dialogs/portal_test.sh starts it on a private session bus). Like the real portal it answers a
request with a Response signal sent to the caller alone, from the Request object named by the caller's
handle_token. Its "person" chooses at once: for Open, "<folder>/chosen network ü.json" (the folder is
the template's parameter); for Save, the suggested name in the suggested folder; a dialog whose title
contains "cancel" is cancelled (response 1)."""

import urllib.parse

import dbus
from gi.repository import GLib

BUS_NAME = "org.freedesktop.portal.Desktop"
MAIN_OBJ = "/org/freedesktop/portal/desktop"
MAIN_IFACE = "org.freedesktop.portal.FileChooser"
SYSTEM_BUS = False
REQUEST_IFACE = "org.freedesktop.portal.Request"
PARAMETERS = {}


def load(mock, parameters):
    PARAMETERS.update(parameters)
    mock.AddProperty(MAIN_IFACE, "version", dbus.UInt32(3))


def answer(mock, sender, title, options, path):
    """Sends the Response a moment later, as the real portal does once the person has chosen."""
    token = str(options.get("handle_token", "t"))
    request = f"/org/freedesktop/portal/desktop/request/{sender[1:].replace('.', '_')}/{token}"
    cancelled = "cancel" in title

    def respond():
        uris = dbus.Array([] if cancelled else ["file://" + urllib.parse.quote(path)], signature="s")
        mock.EmitSignalDetailed(REQUEST_IFACE, "Response", "ua{sv}",
                                [dbus.UInt32(1 if cancelled else 0), dbus.Dictionary({"uris": uris}, signature="sv")],
                                {"path": request, "destination": sender})
        return False

    GLib.timeout_add(30, respond)
    return dbus.ObjectPath(request)


@dbus.service.method(MAIN_IFACE, in_signature="ssa{sv}", out_signature="o", sender_keyword="sender")
def OpenFile(self, parent_window, title, options, sender=None):
    return answer(self, sender, title, options, PARAMETERS["folder"] + "/chosen network ü.json")


@dbus.service.method(MAIN_IFACE, in_signature="ssa{sv}", out_signature="o", sender_keyword="sender")
def SaveFile(self, parent_window, title, options, sender=None):
    folder = bytes(options.get("current_folder", b"")).rstrip(b"\0").decode()
    return answer(self, sender, title, options, folder + "/" + str(options.get("current_name", "")))
