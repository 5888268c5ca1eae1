@REM upgrade.cmd VERSION: upgrade.sh for Windows. The upgrade is a bash script (README, "Upgrade"):
@REM this runs it with the bash of Git for Windows, found beside git.exe, which also brings the
@REM git merge-file it merges with.
@echo off
setlocal
set "GIT_BASH="
for /f "delims=" %%G in ('where git 2^>nul') do if not defined GIT_BASH if exist "%%~dpG..\bin\bash.exe" set "GIT_BASH=%%~dpG..\bin\bash.exe"
if not defined GIT_BASH (
  echo upgrade.cmd: Git for Windows is needed ^(https://git-scm.com/download/win^): it brings the bash that runs upgrade.sh. 1>&2
  exit /b 2
)
cd /d "%~dp0"
"%GIT_BASH%" ./upgrade.sh %*
exit /b %ERRORLEVEL%
