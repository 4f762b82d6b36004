import { Type, type Static } from 'typebox';

const Text = (max: number, description: string) => Type.String({ maxLength: max, description });

/**
 * The site's identity that 政府网站发展指引 (国办发〔2017〕47号) requires in every page's
 * footer: 主办单位, 联系方式, ICP备案号, 公安机关备案号, 网站标识码 and the 党政机关网站标识
 * (its image and the verification link the registry issues). Empty values are left out.
 */
export const SiteSettingsSchema = Type.Object(
  {
    sponsor: Text(100, '主办单位'),
    phone: Text(40, '联系电话'),
    email: Text(100, '电子邮箱'),
    address: Text(200, '通讯地址'),
    icp: Text(60, 'ICP备案号，如 冀ICP备12345678号'),
    psb: Text(60, '公安机关备案号，如 冀公网安备13010202000123号'),
    siteCode: Type.String({ pattern: '^([0-9A-Za-z]{10})?$', description: '网站标识码（10位）' }),
    // The image is the site's own (a path on this site or the uploaded file itself): pages load images from nowhere else.
    conacImage: Type.String({ maxLength: 200_000, pattern: '^(/\\S*|data:image/(png|gif|jpeg|svg\\+xml);base64,[A-Za-z0-9+/=]+)?$', description: '党政机关网站标识图片：本站路径或上传的图片' }),
    conacLink: Type.String({ maxLength: 300, pattern: '^(https://\\S*)?$', description: '党政机关网站标识的核验链接' }),
  },
  { additionalProperties: false },
);

export type SiteSettings = Static<typeof SiteSettingsSchema>;

export const EMPTY_SITE_SETTINGS: SiteSettings = { sponsor: '', phone: '', email: '', address: '', icp: '', psb: '', siteCode: '', conacImage: '', conacLink: '' };

/** The record number a 公安机关备案号 carries, for the link to the registry's page about it. */
export const psbRecordCode = (psb: string): string => /\d{10,}/.exec(psb)?.[0] ?? '';
