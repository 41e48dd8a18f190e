/** The leave checks other modules call; they live in db/availability.ts, below the modules. */
export { presentOn, refuseIfAway } from '../../db/availability.js';
