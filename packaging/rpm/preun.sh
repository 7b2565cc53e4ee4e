# Disables limberd.service for every user when the package is erased (not
# on upgrade).
if [ "$1" -eq 0 ] && command -v systemctl >/dev/null 2>&1; then
	systemctl --global disable limberd.service >/dev/null 2>&1 || :
fi
