/** A route's answer that is not JSON (the `.csv` endpoints): sent as is, with its content type. */
export class TextBody {
  constructor(
    readonly text: string,
    readonly contentType = 'text/csv; charset=utf-8',
  ) {}
}
