; Inno Setup script for hrsupply on Windows: a per-user install (no administrator needed), Start
; menu and desktop shortcuts, an uninstaller that leaves the program's data in place.
;
; Build on Windows:
;   1. py -3.11 -m venv .venv && .venv\Scripts\pip install -e .[package]
;   2. .venv\Scripts\pyinstaller --noconfirm installer\hrsupply.spec      (makes dist\hrsupply\)
;   3. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\windows\hrsupply.iss
;      -> dist\hrsupply-<version>-setup.exe
; The version is read from src\hrsupply\__init__.py, so it always matches the app.
; The data (database, backups, logs) lives in %LOCALAPPDATA%\hrsupply, outside the install folder.

#define FileHandle FileOpen(SourcePath + "\..\..\src\hrsupply\__init__.py")
#define Line
#define AppVersion "0.0.0"
#sub ReadVersion
  #expr Line = FileRead(FileHandle)
  #if Pos('__version__ = "', Line) == 1
    #expr AppVersion = Copy(Line, 16, Len(Line) - 16)
  #endif
#endsub
#for {0; !FileEof(FileHandle); 0} ReadVersion
#expr FileClose(FileHandle)

[Setup]
AppId={{6F1C2B1E-5A7D-4C62-9B8E-3D2A9C4F7E10}
AppName=hrsupply
AppVersion={#AppVersion}
AppPublisher=hrsupply developers
AppComments=Supplies and visits for a syringe services program
DefaultDirName={localappdata}\Programs\hrsupply
DefaultGroupName=hrsupply
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=hrsupply-{#AppVersion}-setup
SetupIconFile=..\..\resources\hrsupply.ico
UninstallDisplayIcon={app}\hrsupply.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\hrsupply\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\hrsupply"; Filename: "{app}\hrsupply.exe"
Name: "{group}\{cm:UninstallProgram,hrsupply}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\hrsupply"; Filename: "{app}\hrsupply.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\hrsupply.exe"; Description: "{cm:LaunchProgram,hrsupply}"; Flags: nowait postinstall skipifsilent

; Uninstalling removes the program only: %LOCALAPPDATA%\hrsupply (the records) is never touched.
