// Telegram's side of the page: theme, Back and Main buttons, invoices. Outside Telegram
// (window.Telegram missing) the page says to open it from the bot.
export const tg = window.Telegram && window.Telegram.WebApp;

export function applyTheme() {
  const theme = (tg && tg.themeParams) || {};
  for (const [name, value] of Object.entries(theme)) {
    document.documentElement.style.setProperty(`--tg-theme-${name.replaceAll("_", "-")}`, value);
  }
}

let mainHandler = null;

// One action at a time on the Main button: setting a new one drops the old.
export function mainButton(text, handler) {
  const button = tg.MainButton;
  if (mainHandler) button.offClick(mainHandler);
  mainHandler = null;
  if (!text) {
    button.hide();
    return;
  }
  mainHandler = handler;
  button.setParams({ text, is_active: true, is_visible: true });
  button.hideProgress();
  button.onClick(handler);
  button.show();
}

export function busy(on) {
  if (on) {
    tg.MainButton.showProgress(false);
    tg.MainButton.disable();
  } else {
    tg.MainButton.hideProgress();
    tg.MainButton.enable();
  }
}

let backHandler = null;

export function backButton(visible) {
  const button = tg.BackButton;
  if (backHandler) button.offClick(backHandler);
  backHandler = null;
  if (!visible) {
    button.hide();
    return;
  }
  backHandler = () => history.back();
  button.onClick(backHandler);
  button.show();
}
