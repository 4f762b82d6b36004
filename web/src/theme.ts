// Ant Design theme: antd's default colours, darkened where text would miss WCAG AA contrast (4.5:1).
import type { ConfigProviderProps, ThemeConfig } from 'antd';

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    // Hovered and pressed states get darker, not lighter: a hovered link button keeps AA contrast.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
};

// Status tags keep their light backgrounds but get darker text.
const TAG_TEXT: Record<string, string> = {
  success: '#237804',
  warning: '#874d00',
  error: '#a8071a',
  processing: '#0958d9',
};

export const TAG_CONFIG: ConfigProviderProps['tag'] = {
  styles: ({ props }) => {
    const color = props.color ? TAG_TEXT[props.color] : undefined;
    return color ? { root: { color } } : {};
  },
};
