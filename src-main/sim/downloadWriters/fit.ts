import { randomInt } from 'node:crypto'
import { Encoder, Profile, type FileIdMesg, type WorkoutMesg, type WorkoutStepMesg } from '@garmin/fitsdk'
import type { Step, StepIntensity } from '../../workouts/types'
import type { WorkoutExportInput } from './input'
import { requireSteps, sportFamily } from './exportSteps'
import { DEFAULT_RANGE_WIDTHS, cadenceFields, describeTarget, fitTarget, type RangeWidths } from './fitTargets'

// A FIT workout file: file_id (type workout), one workout message, then the workout_step messages in order.
// A repeat is its child steps followed by a step whose duration type is repeatUntilStepsCmplt, pointing back at
// the index of the first child and carrying the number of reps in target_value.

export interface FitOptions {
  /** When the file says it was made; defaults to now. */
  createdAt?: Date
  rangeWidths?: RangeWidths
}

type FitSport = NonNullable<WorkoutMesg['sport']>

const FIT_SPORT: Record<ReturnType<typeof sportFamily>, FitSport> = {
  ride: 'cycling',
  run: 'running',
  swim: 'swimming',
  other: 'generic',
}

// Longer strings are legal in FIT but watches show only a short step name.
const MAX_NAME_CHARS = 50
const MAX_NOTES_CHARS = 200

function clip(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}

function fitSport(sport: string): FitSport {
  if (/walk/i.test(sport)) return 'walking'
  if (/hike/i.test(sport)) return 'hiking'
  if (/row/i.test(sport)) return 'rowing'
  if (/nordicski|crosscountry/i.test(sport)) return 'crossCountrySkiing'
  return FIT_SPORT[sportFamily(sport)]
}

/** Steps under a "Warmup"/"Cooldown" heading are marked as such, unless the step says otherwise. */
function intensityFromSection(title: string | undefined): StepIntensity | undefined {
  if (!title) return undefined
  if (/warm/i.test(title)) return 'warmup'
  if (/cool/i.test(title)) return 'cooldown'
  return undefined
}

function durationFields(step: Step): Partial<WorkoutStepMesg> {
  if (step.lapPress) return { durationType: 'open', durationValue: 0 }
  if (step.durationSecs !== undefined) return { durationType: 'time', durationValue: Math.round(step.durationSecs * 1000) }
  if (step.distanceMeters !== undefined) {
    return { durationType: 'distance', durationValue: Math.round(step.distanceMeters * 100) }
  }
  return { durationType: 'open', durationValue: 0 }
}

function stepMessage(
  step: Step,
  index: number,
  input: WorkoutExportInput,
  section: string | undefined,
  widths: RangeWidths,
): WorkoutStepMesg {
  const message: WorkoutStepMesg = {
    messageIndex: index,
    ...durationFields(step),
    targetType: 'open',
    targetValue: 0,
    intensity: step.intensity ?? intensityFromSection(section) ?? 'active',
  }
  if (step.text) message.wktStepName = clip(step.text, MAX_NAME_CHARS)
  const target = step.target && !step.freeride ? fitTarget(step.target, input, widths) : undefined
  if (target) Object.assign(message, target.fields)
  if (target?.note) message.notes = clip(target.note, MAX_NOTES_CHARS)
  else if (step.target && step.ramp) message.notes = `Ramp ${describeTarget(step.target)}`
  Object.assign(message, cadenceFields(step, message.targetType !== 'open'))
  return message
}

function workoutSteps(input: WorkoutExportInput, widths: RangeWidths): WorkoutStepMesg[] {
  const out: WorkoutStepMesg[] = []
  let section: string | undefined
  for (const item of input.parsed.items) {
    if (item.type === 'section') section = item.title
    else if (item.type === 'step') out.push(stepMessage(item, out.length, input, section, widths))
    else if (item.reps > 0 && item.steps.length > 0) {
      // A repeat header is a heading of its own: "Main Set 4x" ends a "Warmup" section.
      section = item.title
      const first = out.length
      for (const step of item.steps) out.push(stepMessage(step, out.length, input, section, widths))
      out.push({
        messageIndex: out.length,
        durationType: 'repeatUntilStepsCmplt',
        durationValue: first,
        targetType: 'open',
        targetValue: item.reps,
      })
    }
  }
  return out
}

/** Builds a FIT workout file. Throws WorkoutExportError when the workout has no steps. */
export function writeFit(input: WorkoutExportInput, options: FitOptions = {}): Uint8Array {
  requireSteps(input, '.fit')
  const steps = workoutSteps(input, options.rangeWidths ?? DEFAULT_RANGE_WIDTHS)
  const encoder = new Encoder()
  const fileId: FileIdMesg = {
    type: 'workout',
    manufacturer: 'development',
    product: 0,
    // Devices tell files apart by serial number and creation time.
    serialNumber: randomInt(1, 0xffffffff),
    timeCreated: options.createdAt ?? new Date(),
  }
  const workout: WorkoutMesg = {
    wktName: clip(input.name, MAX_NAME_CHARS),
    sport: fitSport(input.sport),
    numValidSteps: steps.length,
  }
  if (input.description) workout.wktDescription = clip(input.description, MAX_NOTES_CHARS)
  encoder.onMesg(mesgNum('FILE_ID'), fileId)
  encoder.onMesg(mesgNum('WORKOUT'), workout)
  for (const step of steps) encoder.onMesg(mesgNum('WORKOUT_STEP'), step)
  return encoder.close()
}

/** The SDK types its message numbers as a plain record; these three are in every FIT profile. */
function mesgNum(name: 'FILE_ID' | 'WORKOUT' | 'WORKOUT_STEP'): number {
  const num = Profile.MesgNum[name]
  if (num === undefined) throw new Error(`The FIT SDK's profile has no ${name} message.`)
  return num
}
