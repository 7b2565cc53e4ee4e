# Enables limberd.service for every user on the first installation; an
# upgrade leaves an administrator's `systemctl --global disable` in place.
if [ "$1" -eq 1 ] && command -v systemctl >/dev/null 2>&1; then
	systemctl --global enable limberd.service >/dev/null 2>&1 || :
fi
