; Régie for Windows: a per-user installer made with Inno Setup 6 from the folder that
; `python installer/build.py` leaves in dist\regie\ (see docs/INSTALL.md).
;
;   python installer\build.py
;   iscc /DVersion=0.13.0 installer\windows\regie.iss     -> dist\regie-0.13.0-windows-setup.exe
;
; Per-user: no administrator rights asked, installed in %LOCALAPPDATA%\Programs\Régie, a
; Start-menu entry (regie-window.exe: no console behind the window), an optional desktop
; icon, an uninstaller in "Apps & features". Régie's data is never in the program folder:
; it is in %LOCALAPPDATA%\regie (the database, backups, logs) and is kept on uninstall.
; `regie.exe` (the command line) is in the same folder; the installer can add it to the
; user's PATH.

#ifndef Version
  #define Version "0.0.0"
#endif
#define Root "..\.."

[Setup]
AppId={{6E0C3C1B-4B6F-4E43-9E7A-5E2B2E8C0D13}
AppName=Régie
AppVersion={#Version}
AppVerName=Régie {#Version}
AppPublisher=Régie
AppComments=Rental and inventory desk for pooled stage equipment
; per-user install: no UAC prompt, {autopf} is %LOCALAPPDATA%\Programs
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\Régie
DefaultGroupName=Régie
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\regie-window.exe
SetupIconFile={#Root}\resources\icons\regie.ico
LicenseFile=licence-summary.txt
OutputDir={#Root}\dist
OutputBaseFilename=regie-{#Version}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesEnvironment=yes

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "{cm:AddToPath}"; Flags: unchecked

[CustomMessages]
fr.AddToPath=Ajouter la commande « regie » au PATH (scripts, sauvegardes planifiées)
en.AddToPath=Add the "regie" command to the PATH (scripts, scheduled backups)

[Files]
Source: "{#Root}\dist\regie\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\Régie"; Filename: "{app}\regie-window.exe"; WorkingDir: "{userdocs}"; Comment: "Régie"
Name: "{userprograms}\Régie (comptoir)"; Filename: "{app}\regie-window.exe"; Parameters: "desk"; WorkingDir: "{userdocs}"
Name: "{userdesktop}\Régie"; Filename: "{app}\regie-window.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NotOnPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\regie-window.exe"; Description: "{cm:LaunchProgram,Régie}"; Flags: nowait postinstall skipifsilent

[Code]
function NotOnPath(Folder: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Current) then
    Current := '';
  Result := Pos(';' + Uppercase(Folder) + ';', ';' + Uppercase(Current) + ';') = 0;
end;
