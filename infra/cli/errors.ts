// How a command stops: each kind has its own exit code and its own way of being told.

/** The command line itself is wrong: the message and the usage go to stderr, exit 2. */
export class UsageError extends Error {}

/** The input was read and refused, or a service could not be reached: the message says what to do, exit 1. */
export class CheckError extends Error {}
