#!/usr/bin/env bash
# A Composer project that requires the jadwal package from a directory (the
# source tree's bindings/php, or the installed <prefix>/share/jadwal/php), with
# Packagist disabled so nothing is fetched; then runs its portal.php.
#   composer_consumer.sh PACKAGE_DIR WORK_DIR SCENARIO NIP BAD_SCENARIO [portal.php options...]
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
package=$(cd "${1:?usage: composer_consumer.sh PACKAGE_DIR WORK_DIR SCENARIO NIP BAD_SCENARIO [options]}" && pwd)
work=${2:?work directory}
shift 2
rm -rf "$work"
mkdir -p "$work"
cp "$root/examples/php/composer_project/composer.json" "$root/examples/php/composer_project/portal.php" "$work/"
export COMPOSER_HOME="$work/.composer" COMPOSER_ALLOW_SUPERUSER=1 COMPOSER_NO_INTERACTION=1
composer --working-dir="$work" config repositories.0 \
  "{\"type\": \"path\", \"url\": \"$package\", \"options\": {\"symlink\": false}}"
composer --working-dir="$work" install --no-progress --quiet
php "$work/portal.php" "$@"
