import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n';

/** Switches between Chinese and English; the label names the other language. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      aria-label={t('lang.label')}
      data-testid="language-switch"
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {t('lang.switch')}
    </Button>
  );
}
