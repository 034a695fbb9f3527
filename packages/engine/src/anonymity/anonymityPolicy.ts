/**
 * Below this many answers in a group (a question's or a matrix row's), a count that holds every
 * one of them ("all 6 chose Telefonisk") is withheld: it tells each member's answer. 10, as the
 * GP Patient Survey withholds results from fewer than 10 answers and NHS Digital shows no exact
 * count below about that size; see the engine README, "Anonymity policy".
 */
export const defaultUnanimousBelow = 10;
