# On an air-gapped Windows workstation: install the program from the wheelhouse only — pip
# never looks at a network (--no-index). Checks every wheel against SHA256SUMS first.
# (Written and reviewed here on Linux; run by IT staff on Windows: see packaging/README.md.)
#
#   powershell -ExecutionPolicy Bypass -File packaging\install-offline.ps1 `
#       -Wheelhouse E:\wheelhouse [-Prefix DIR] [-AllowUnsigned]
#
# Prefix defaults to %LOCALAPPDATA%\hoso-thanh-tra\venv. Vaults and settings live in the
# user's data folder and are not touched by an update.
param(
    [Parameter(Mandatory = $true)][string]$Wheelhouse,
    [string]$Prefix = "$env:LOCALAPPDATA\hoso-thanh-tra\venv",
    [switch]$AllowUnsigned
)
$ErrorActionPreference = "Stop"
$Wheelhouse = (Resolve-Path $Wheelhouse).Path

$target = & py -3 -c "import sys; print('win-cp%d%d' % sys.version_info[:2])"
if ($LASTEXITCODE -ne 0) { throw "Python 3.11 or 3.12 is not installed (the 'py' launcher)." }
$folder = Join-Path $Wheelhouse $target
if (-not (Test-Path $folder)) {
    Write-Error "The wheelhouse has no folder for this machine ($target)."; exit 1
}

$sums = Join-Path $Wheelhouse "SHA256SUMS"
if (-not (Test-Path $sums)) {
    Write-Error "The wheelhouse has no SHA256SUMS: cannot check the copy - do not install."; exit 1
}
foreach ($line in Get-Content $sums) {
    if ($line -notmatch '^([0-9a-f]{64}) [ *]\./(.+)$') { continue }
    $expected, $name = $Matches[1], $Matches[2]
    if (-not ($name.StartsWith("$target/") -or $name.StartsWith("hoso_thanh_tra-"))) { continue }
    $file = Join-Path $Wheelhouse ($name -replace '/', '\')
    if (-not (Test-Path $file)) { Write-Error "$name is missing from the copy - do not install."; exit 1 }
    $actual = (Get-FileHash -Algorithm SHA256 $file).Hash.ToLower()
    if ($actual -ne $expected) {
        Write-Error "$name differs from SHA256SUMS: the copy is damaged or altered - do not install."
        exit 1
    }
}
$signed = Test-Path (Join-Path $Wheelhouse "SHA256SUMS.sig")
if (-not $signed) {
    if (-not $AllowUnsigned) {
        Write-Error ("The wheelhouse is not signed (no SHA256SUMS.sig): not installed. For a " +
                     "wheelhouse your department built itself, add -AllowUnsigned."); exit 1
    }
    Write-Host "Note: installing an unsigned wheelhouse (-AllowUnsigned)."
}

$hoso = Join-Path $Prefix "Scripts\hoso.exe"
if ((Test-Path $hoso) -and $signed) {
    # an update: the program already installed checks the new copy's signature first
    & $hoso verify-release $Wheelhouse
    if ($LASTEXITCODE -ne 0) {
        Write-Error "The installed program does not recognise this copy as a release: not installed."
        exit 1
    }
}

& py -3 -m venv $Prefix
if ($LASTEXITCODE -ne 0) { throw "Could not create $Prefix" }
$env:PIP_CONFIG_FILE = "NUL"   # only the wheelhouse counts, whatever pip is set to look at
& (Join-Path $Prefix "Scripts\python.exe") -m pip --isolated install -q --no-index `
    --find-links $folder --upgrade hoso-thanh-tra
if ($LASTEXITCODE -ne 0) { throw "pip could not install from $folder" }
& $hoso --version
if ($signed) { & $hoso verify-release $Wheelhouse }   # compare the fingerprint with the paper
Write-Host "Installed: $hoso  (add $(Split-Path $hoso) to PATH; check this computer: hoso doctor)"
