import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MAX_IMPORT_BYTES } from '../contract/workouts'
import { OpenedFileQueue, readOpenedWorkout, workoutFilesInArgs } from './openedFiles'

const dir = mkdtempSync(join(tmpdir(), 'coach-desk-opened-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('workout files opened from the operating system', () => {
  it('takes the workout files from a command line, resolved against its folder', () => {
    const argv = ['.', '--demo', '/home/coach/Sweet Spot.zwo', 'intervals.MRC', 'notes.txt', '--file=x.erg', 'ramp.erg']
    expect(workoutFilesInArgs(argv, '/home/coach/Downloads')).toEqual([
      '/home/coach/Sweet Spot.zwo',
      '/home/coach/Downloads/intervals.MRC',
      '/home/coach/Downloads/ramp.erg',
    ])
    expect(workoutFilesInArgs(['--no-sandbox', '.'], '/tmp')).toEqual([])
  })

  it('reads a workout file: its name and text', async () => {
    const path = join(dir, 'Sweet Spot 3x12.zwo')
    writeFileSync(path, '<workout_file><name>Sweet Spot</name></workout_file>')
    expect(await readOpenedWorkout(path)).toEqual({
      ok: true,
      fileName: 'Sweet Spot 3x12.zwo',
      text: '<workout_file><name>Sweet Spot</name></workout_file>',
    })
  })

  it.each([
    ['a file over the import limit', () => {
      const p = join(dir, 'huge.erg')
      writeFileSync(p, Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41))
      return p
    }, 'huge.erg is too big to be a workout.'],
    ['a folder named like a workout', () => {
      const p = join(dir, 'folder.mrc')
      mkdirSync(p)
      return p
    }, 'folder.mrc is not a file.'],
    ['a file that is not there', () => join(dir, 'gone.zwo'), 'gone.zwo could not be opened.'],
    ['another kind of file', () => join(dir, 'notes.txt'), 'Coach Desk reads .zwo, .mrc and .erg workout files.'],
  ])('refuses %s with a message for the coach', async (_what, make, message) => {
    expect(await readOpenedWorkout(make())).toMatchObject({ ok: false, message })
  })

  it('keeps files opened before the window is ready and hands them over in order, then passes later ones straight on', () => {
    const queue = new OpenedFileQueue()
    queue.add('/a.zwo')
    queue.add('/b.erg')
    const got: string[] = []
    queue.attach((p) => got.push(p))
    expect(got).toEqual(['/a.zwo', '/b.erg'])
    queue.add('/c.mrc')
    expect(got).toEqual(['/a.zwo', '/b.erg', '/c.mrc'])
    queue.detach()
    queue.add('/d.zwo')
    expect(got).toHaveLength(3)
    const next: string[] = []
    queue.attach((p) => next.push(p))
    expect(next).toEqual(['/d.zwo'])
  })
})
