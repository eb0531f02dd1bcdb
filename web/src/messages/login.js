// The sign-in page (login.html), Japanese and English. Error keys follow the server's codes:
// wrong_credentials, account_locked (401), too_many (429).

export const LOGIN_MESSAGES = {
  ja: {
    'login.title': '見守り ログイン',
    'login.heading': 'ログイン',
    'login.intro': '避難行動要支援者名簿の個人情報を扱います。自分のアカウントでログインしてください。',
    'login.login': 'ログインID',
    'login.password': 'パスワード',
    'login.submit': 'ログイン',
    'login.submitting': '確認中…',
    'login.needed': '続けるにはログインしてください。',
    'login.signed_out': 'ログアウトしました。',
    'login.error.wrong_credentials': 'ログインIDかパスワードが違います。',
    'login.error.account_locked': '失敗が続いたため、このアカウントは一時的にロックされています。15 分ほど待つか、管理者に連絡してください。',
    'login.error.too_many': 'ログインの試行が多すぎます。1 分ほど待ってからもう一度試してください。',
    'login.error.missing': 'ログインIDとパスワードを入力してください。',
    'login.error.network': 'サーバーにつながりません（{detail}）。',
    'login.error.other': 'ログインできません（{detail}）。',
  },
  en: {
    'login.title': 'mimamori sign-in',
    'login.heading': 'Sign in',
    'login.intro': 'These pages show personal data from the register of residents needing support. Sign in with your own account.',
    'login.login': 'Login',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.submitting': 'Checking…',
    'login.needed': 'Sign in to continue.',
    'login.signed_out': 'You are signed out.',
    'login.error.wrong_credentials': 'Wrong login or password.',
    'login.error.account_locked': 'This account is locked for a while after repeated failures. Wait about 15 minutes or ask an administrator.',
    'login.error.too_many': 'Too many sign-in attempts. Wait a minute and try again.',
    'login.error.missing': 'Enter your login and password.',
    'login.error.network': 'Cannot reach the server ({detail}).',
    'login.error.other': 'Could not sign in ({detail}).',
  },
};
