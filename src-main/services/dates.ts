// The local-date helpers live beside the contract, so main, the simulator and the window share one copy.
export * from '../contract/localDates'
