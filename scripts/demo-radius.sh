#!/usr/bin/env bash
# Prepares the demo's private FreeRADIUS configuration (scripts/start.sh --demo runs it):
#
#   bash scripts/demo-radius.sh DIR AUTH_PORT ACCT_PORT
#
# Copies Debian's /etc/freeradius/3.0 to DIR/raddb, installs infra/radius into it with its own
# install.sh, and makes it run as the current user from DIR (log, run), listening on 127.0.0.1
# AUTH_PORT/ACCT_PORT only, with one client, 127.0.0.1, whose secret is DIR/secret (created once,
# owner-only), and an EAP certificate (Debian's snakeoil when readable, else a new self-signed one).
# The same changes as tests/CoworkSync.IntegrationTests/Infrastructure/FreeRadiusConfig.cs.
# Exits 3 with one line saying what is missing when FreeRADIUS cannot run here; 1 on other errors.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="$1"
auth_port="$2"
acct_port="$3"
system_raddb=/etc/freeradius/3.0
install_command="apt-get install freeradius freeradius-rest freeradius-utils"
[ "$(id -u)" -eq 0 ] || install_command="sudo $install_command"
install_hint="install it with: $install_command"

missing() { printf '%s\n' "$*"; exit 3; }

command -v freeradius >/dev/null 2>&1 || missing "FreeRADIUS is not installed; $install_hint"
command -v radclient >/dev/null 2>&1 || missing "radclient is not installed; $install_hint"
[ -f /usr/lib/freeradius/rlm_rest.so ] || missing "FreeRADIUS's rest module (rlm_rest) is not installed; $install_hint"
[ -r "$system_raddb/radiusd.conf" ] || missing "$system_raddb is readable only by root and the freerad group; run as root or as a member of freerad"

mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
raddb="$dir/raddb"
rm -rf "$raddb"
mkdir -p "$dir/log" "$dir/run"
cp -a "$system_raddb" "$raddb"

# The EAP certificate first, so install.sh finds it.
certs="$raddb/certs/coworksync"
mkdir -p "$certs"
if [ -r /etc/ssl/certs/ssl-cert-snakeoil.pem ] && [ -r /etc/ssl/private/ssl-cert-snakeoil.key ]; then
  cp /etc/ssl/certs/ssl-cert-snakeoil.pem "$certs/server.pem"
  cp /etc/ssl/private/ssl-cert-snakeoil.key "$certs/server.key"
else
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=coworksync-demo-radius \
    -keyout "$certs/server.key" -out "$certs/server.pem" >/dev/null 2>&1
fi
bash "$here/../infra/radius/install.sh" "$raddb"

# Run from DIR as the current user; no proxying (install.sh sets it).
sed -i -E \
  -e "s|^raddbdir = .*|raddbdir = $raddb|" \
  -e "s|^logdir = .*|logdir = $dir/log|" \
  -e "s|^run_dir = .*|run_dir = $dir/run|" \
  -e 's/^([[:space:]]*(user|group) = freerad)$/#\1/' \
  "$raddb/radiusd.conf"

# Listen on loopback, on the demo's ports (the site listens on * and the standard ports).
site="$raddb/sites-available/coworksync"
awk -v auth="$auth_port" -v acct="$acct_port" '
  /^[[:space:]]*type = auth$/ { type = "auth" }
  /^[[:space:]]*type = acct$/ { type = "acct" }
  type != "" && /^[[:space:]]*ipaddr = \*$/ { sub(/\*/, "127.0.0.1") }
  type != "" && /^[[:space:]]*port = 0$/ { sub(/0/, type == "auth" ? auth : acct); type = "" }
  { print }
' "$site" >"$site.tmp"
mv "$site.tmp" "$site"
if [ "$(grep -cE "^[[:space:]]*port = ($auth_port|$acct_port)$" "$site")" -ne 2 ]; then
  echo "error: could not set the listen ports in $site; infra/radius changed, so update scripts/demo-radius.sh" >&2
  exit 1
fi

# One client, this machine, with a secret kept between runs.
if [ ! -s "$dir/secret" ]; then
  (umask 077 && openssl rand -hex 16 >"$dir/secret")
fi
(umask 077 && cat >"$raddb/clients.conf" <<CLIENTS
client localhost {
	ipaddr = 127.0.0.1
	secret = "$(cat "$dir/secret")"
}
CLIENTS
)
