/** Three CFR tracker rows: two valid incidents and one with an unknown sponsor (quarantined). Shared by the API and CLI import tests. */
export const CFR_CSV = [
  'Title,Date,Affiliations,Description,Response,Victims,Sponsor,Type,Category,Sources_1,Sources_2,Sources_3',
  'Cloud Hopper,12/20/2018,APT 10,Text.,,"United States, Japan",China,Espionage,Private sector,https://www.justice.gov/opa/pr/x,,',
  'Shamoon,8/15/2012,,Text.,,Saudi Arabia,Iran (Islamic Republic of),Data destruction,Private sector,https://www.nytimes.com/shamoon,,',
  'Unknown sponsor,1/5/2020,,Text.,,France,Atlantis,Espionage,Government,,,',
].join('\r\n');
