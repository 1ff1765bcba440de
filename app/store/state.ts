import type { Location } from '../deck';
import type { DeckActions, DeckState } from './deck-slice';
import type { NoticeActions, NoticeState } from './notice-slice';
import type { SettingsActions, SettingsState } from './settings-slice';
import type { ViewActions, ViewState } from './view-slice';

export interface LocationActions {
  /** Puts the whole deck at a location (from the URL, or another window). */
  applyLocation(location: Location): void;
}

export type InboundState = DeckState &
  DeckActions &
  SettingsState &
  SettingsActions &
  NoticeState &
  NoticeActions &
  ViewState &
  ViewActions &
  LocationActions;
