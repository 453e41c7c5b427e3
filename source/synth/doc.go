// Package synth generates the log of a synthetic Twingate connector running
// at log level 7: service chatter dominated by DEBUG lines, ANALYTICS
// connection events whose establishments are later closed or failed, relay
// and DNS trouble now and then, and restarts. Optional streams add AQtive
// Guard audit records, Pangolin newt lines and Tailscale flow messages.
//
// The output is a pure function of the seed and the options: the same seed
// gives the same lines with the same timestamps, byte for byte, which is
// what benchmarks and tests need. The demo source feeds it the current time
// to play a live connector.
package synth
