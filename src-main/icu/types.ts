import type { components } from './generated/openapi'

type S = components['schemas']

// API objects as the OpenAPI document describes them. Decoders treat every field as optional,
// because the live service leaves fields out or sends explicit nulls.
export type Athlete = S['Athlete']
export type AthleteWithTags = S['AthleteWithTags']
export type WithSportSettings = S['WithSportSettings']
export type SportSettings = S['SportSettings']
export type SummaryWithCats = S['SummaryWithCats']
export type Activity = S['Activity']
export type ActivityStream = S['ActivityStream']
export type Interval = S['Interval']
export type Wellness = S['Wellness']
export type Event = S['Event']
export type EventEx = S['EventEx']
