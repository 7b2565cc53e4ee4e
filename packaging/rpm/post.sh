# Enables limberd.service for every user on the first installation; an
# upgrade leaves an administrator's `systemctl --global disable` in place.
# The fleet-report spool (tmpfiles.d/limber.conf), on install and upgrade.
if command -v systemd-tmpfiles >/dev/null 2>&1; then
	systemd-tmpfiles --create limber.conf >/dev/null 2>&1 || :
fi
# Users' spool directories now and the migration of the old flat layout;
# limber-spool.path makes them for later logins.
limber-fleet-export --prepare-spool --quiet >/dev/null 2>&1 || :
if command -v systemctl >/dev/null 2>&1; then
	systemctl enable --now limber-spool.path >/dev/null 2>&1 || :
fi
if [ "$1" -eq 1 ] && command -v systemctl >/dev/null 2>&1; then
	systemctl --global enable limberd.service >/dev/null 2>&1 || :
fi
