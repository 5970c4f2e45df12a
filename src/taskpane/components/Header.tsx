import * as React from 'react';
import { Caption1, Title3, makeStyles, tokens } from '@fluentui/react-components';

export interface HeaderProps {
  title: string;
  version: string;
  /** Path of the add-in's icon, relative to the page. */
  logo: string;
}

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  logo: { width: '40px', height: '40px', flexShrink: 0 },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: { margin: 0 },
  version: { color: tokens.colorNeutralForeground2 },
});

/** The page banner: icon, the add-in's name (the page's one h1) and its version. */
export function Header({ title, version, logo }: HeaderProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      {/* Decorative: the heading next to it already names the add-in. */}
      <img className={styles.logo} src={logo} alt="" width={40} height={40} />
      <div className={styles.titles}>
        <Title3 as="h1" className={styles.title}>
          {title}
        </Title3>
        <Caption1 className={styles.version} data-testid="app-version">
          Version {version}
        </Caption1>
      </div>
    </header>
  );
}
