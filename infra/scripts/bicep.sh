#!/usr/bin/env bash
# Runs the pinned Bicep CLI, which ships inside a NuGet package, so it works offline once restored.
#   infra/scripts/bicep.sh build infra/main.bicep --stdout
#   infra/scripts/bicep.sh lint infra/main.bicep
# Looks in the NuGet global-packages folder first; if the package is missing, restores it through a
# throwaway project in a temp dir (outside the repo, so the repo's Directory.*.props and global.json
# don't apply). Override with BICEP_VERSION, or point BICEP_BIN at a bicep binary to skip all this.
set -euo pipefail

version="${BICEP_VERSION:-0.49.2}"

if [[ -n "${BICEP_BIN:-}" ]]; then
  exec "$BICEP_BIN" "$@"
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;;
  Linux-aarch64 | Linux-arm64) rid=linux-arm64 ;;
  Darwin-x86_64) rid=osx-x64 ;;
  Darwin-arm64) rid=osx-arm64 ;;
  *)
    echo "bicep.sh: unsupported platform $(uname -s)-$(uname -m)" >&2
    exit 1
    ;;
esac
package="Azure.Bicep.CommandLine.${rid}"
package_lower="$(printf '%s' "$package" | tr '[:upper:]' '[:lower:]')"

packages_dir="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="${packages_dir%/}/${package_lower}/${version}/tools/bicep"

if [[ ! -f "$bicep" ]]; then
  # The global-packages folder may be configured elsewhere (NuGet.config); ask dotnet.
  packages_dir="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
  bicep="${packages_dir%/}/${package_lower}/${version}/tools/bicep"
fi

if [[ ! -f "$bicep" ]]; then
  echo "bicep.sh: restoring ${package} ${version} from NuGet..." >&2
  # Target whatever the installed SDK supports natively, so the restore fetches only the one package.
  tfm="net$(dotnet --version | cut -d. -f1).0"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  cat >"$work/restore-bicep.csproj" <<CSPROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>${tfm}</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="${package}" Version="[${version}]" />
  </ItemGroup>
</Project>
CSPROJ
  (cd "$work" && dotnet restore restore-bicep.csproj --nologo --verbosity quiet) >&2
  if [[ ! -f "$bicep" ]]; then
    echo "bicep.sh: ${package} ${version} restored, but ${bicep} is missing" >&2
    exit 1
  fi
  rm -rf "$work"
  trap - EXIT
fi

# NuGet does not always keep the executable bit.
[[ -x "$bicep" ]] || chmod +x "$bicep"

exec "$bicep" "$@"
