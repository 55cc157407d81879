/** What goes into the unattend.xml of the Windows template. */
export interface UnattendXmlOptions {
  /** The Administrator password as it should appear in the file: a profile variable reference. */
  readonly administratorPassword: string;
  /** A Windows time zone id, e.g. 'UTC' or 'W. Europe Standard Time'. */
  readonly timeZone: string;
  /** A Windows locale, e.g. 'en-US'. */
  readonly locale: string;
}

/** The attributes every amd64 component of unattend.xml carries. */
function component(name: string, body: string[]): string[] {
  return [
    `    <component name="${name}" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">`,
    ...body.map((line) => `      ${line}`),
    '    </component>',
  ];
}

/**
 * An answer file for sysprep'd Windows images: a generated computer name, the OS partition grown to
 * the cloned disk's size, OOBE skipped, and the local Administrator password set.
 */
export function unattendXml(options: UnattendXmlOptions): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<unattend xmlns="urn:schemas-microsoft-com:unattend">',
    '  <settings pass="specialize">',
    ...component('Microsoft-Windows-Shell-Setup', [
      '<ComputerName>*</ComputerName>',
      `<TimeZone>${options.timeZone}</TimeZone>`,
    ]),
    // VM disks are cloned larger than the golden image; grow C: into the free space.
    ...component('Microsoft-Windows-Deployment', [
      '<ExtendOSPartition>',
      '  <Extend>true</Extend>',
      '</ExtendOSPartition>',
    ]),
    '  </settings>',
    '  <settings pass="oobeSystem">',
    ...component('Microsoft-Windows-International-Core', [
      `<InputLocale>${options.locale}</InputLocale>`,
      `<SystemLocale>${options.locale}</SystemLocale>`,
      `<UILanguage>${options.locale}</UILanguage>`,
      `<UserLocale>${options.locale}</UserLocale>`,
    ]),
    ...component('Microsoft-Windows-Shell-Setup', [
      '<OOBE>',
      '  <HideEULAPage>true</HideEULAPage>',
      '  <HideLocalAccountScreen>true</HideLocalAccountScreen>',
      '  <HideOnlineAccountScreens>true</HideOnlineAccountScreens>',
      '  <HideWirelessSetupInOOBE>true</HideWirelessSetupInOOBE>',
      '  <ProtectYourPC>3</ProtectYourPC>',
      '  <SkipMachineOOBE>true</SkipMachineOOBE>',
      '  <SkipUserOOBE>true</SkipUserOOBE>',
      '</OOBE>',
      '<UserAccounts>',
      '  <AdministratorPassword>',
      `    <Value>${options.administratorPassword}</Value>`,
      '    <PlainText>true</PlainText>',
      '  </AdministratorPassword>',
      '</UserAccounts>',
    ]),
    '  </settings>',
    '</unattend>',
    '',
  ].join('\n');
}
