#!/usr/bin/env bash
# Installs CoworkSync's FreeRADIUS configuration into a FreeRADIUS 3.x config directory:
#
#   sudo bash infra/radius/install.sh [RADDB]        (RADDB defaults to /etc/freeradius/3.0)
#
# Copies the rest and eap modules, the coworksync policy and the two sites, enables them, disables
# Debian's stock default and inner-tunnel sites (they would take the same ports) and sets
# proxy_requests = no. Safe to run again after an update. It writes no secrets: the URL and key
# come from the environment, NAS clients from clients.conf and the EAP certificate from
# RADDB/certs/coworksync (see infra/radius/README.md).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
raddb="${1:-/etc/freeradius/3.0}"

if [ ! -f "$raddb/radiusd.conf" ]; then
  echo "error: $raddb/radiusd.conf not found; pass the FreeRADIUS 3.x config directory (apt-get install freeradius freeradius-rest)." >&2
  exit 1
fi

# Files keep the owner and group of radiusd.conf (root:freerad or freerad:freerad on Debian).
owner=()
if [ "$(id -u)" -eq 0 ]; then
  owner=(-o "$(stat -c %u "$raddb/radiusd.conf")" -g "$(stat -c %g "$raddb/radiusd.conf")")
fi

for file in mods-available/rest mods-available/eap policy.d/coworksync \
  sites-available/coworksync sites-available/coworksync-inner-tunnel; do
  install -m 0640 "${owner[@]}" "$here/$file" "$raddb/$file"
done

ln -sfn ../mods-available/rest "$raddb/mods-enabled/rest"
ln -sfn ../mods-available/eap "$raddb/mods-enabled/eap"
ln -sfn ../sites-available/coworksync "$raddb/sites-enabled/coworksync"
ln -sfn ../sites-available/coworksync-inner-tunnel "$raddb/sites-enabled/coworksync-inner-tunnel"
rm -f "$raddb/sites-enabled/default" "$raddb/sites-enabled/inner-tunnel"

sed -i -E 's/^([[:space:]]*proxy_requests[[:space:]]*=[[:space:]]*)yes/\1no/' "$raddb/radiusd.conf"

if [ ! -f "$raddb/certs/coworksync/server.pem" ] || [ ! -f "$raddb/certs/coworksync/server.key" ]; then
  echo "note: put the EAP server certificate and key at $raddb/certs/coworksync/server.pem and server.key before starting FreeRADIUS." >&2
fi
