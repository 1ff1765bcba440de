import type { LocationActions, LocationState } from './location-slice';
import type { NoticeActions, NoticeState } from './notice-slice';
import type { ViewActions, ViewState } from './view-slice';

export type InboundState = LocationState &
  LocationActions &
  NoticeState &
  NoticeActions &
  ViewState &
  ViewActions;
