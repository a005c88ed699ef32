# shellcheck shell=bash
# Source this file (`. scripts/node22.sh`) to put Node.js 22 LTS first on PATH when the machine's
# `node` is older. Node 20 reached end of life on 2026-04-30 and several dependencies (file-type,
# which @nestjs/common brings into production) require 22.
#
# The binary comes from the npm registry, which ships Node as the package `node-linux-<arch>`
# (the registry checks the tarball's integrity): it works on a machine that reaches only the npm
# registry and Debian, whose bookworm packages stop at Node 18. It is unpacked once into
# ${MOTCUA_NODE_HOME:-~/.cache/motcua}/node-v<version> and reused; npm itself is unchanged (its
# `#!/usr/bin/env node` then runs on Node 22).
MOTCUA_NODE_VERSION=22.23.5

motcua_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(motcua_node_major)" -lt 22 ]; then
  case "$(uname -m)" in
    x86_64) motcua_node_arch=x64 ;;
    aarch64 | arm64) motcua_node_arch=arm64 ;;
    *) echo "scripts/node22.sh: no Node 22 package for $(uname -m); install Node 22 by hand" >&2; return 1 ;;
  esac
  motcua_node_dir="${MOTCUA_NODE_HOME:-$HOME/.cache/motcua}/node-v$MOTCUA_NODE_VERSION-$motcua_node_arch"
  if [ ! -x "$motcua_node_dir/bin/node" ]; then
    echo "Installing Node $MOTCUA_NODE_VERSION from the npm registry (node-linux-$motcua_node_arch) into $motcua_node_dir"
    motcua_node_tmp="$(mktemp -d)"
    (cd "$motcua_node_tmp" && npm pack --silent "node-linux-$motcua_node_arch@$MOTCUA_NODE_VERSION" >/dev/null) || { rm -rf "$motcua_node_tmp"; return 1; }
    mkdir -p "$motcua_node_dir"
    tar -xzf "$motcua_node_tmp"/node-linux-*.tgz -C "$motcua_node_dir" --strip-components=1 package/bin/node package/LICENSE
    rm -rf "$motcua_node_tmp"
  fi
  export PATH="$motcua_node_dir/bin:$PATH"
  hash -r
fi
echo "Node $(node --version) ($(command -v node)), npm $(npm --version)"
