import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n';

/**
 * Switches between Chinese and English; the label names the other language. `compact`
 * (a phone's header) shows the icon alone, the label staying the button's accessible name.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      aria-label={t('lang.label')}
      data-testid="language-switch"
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {compact ? null : t('lang.switch')}
    </Button>
  );
}
