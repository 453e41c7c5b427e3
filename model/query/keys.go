package query

import "connlog/model"

// knownKeys lists every field key the parsers store (model/keys.go), so that
// a mistyped field name is an error with a suggestion rather than a term that
// silently matches nothing. Keys of arbitrary JSON objects are reached with
// the .name form instead; a Linux audit record's pairs are named by
// model.AuditFieldKeys.
var knownKeys = append([]string{
	model.KeyMessage, model.KeyModule, model.KeyExplanation, model.KeyFunction, model.KeyLibrary, model.KeyCaller,
	model.KeyThread, model.KeyApplication,
	model.KeyEventType, model.KeyTimestamp, model.KeyConnID, model.KeyClientIP, model.KeyResourceIP,
	model.KeyResourcePort, model.KeyProtocol, model.KeyRx, model.KeyTx, model.KeyDuration,
	model.KeyTunnelPath, model.KeyTunnelProto, model.KeyCBCTFreshness, model.KeyErrorMessage,
	model.KeyConnectorID, model.KeyConnectorName, model.KeyDeviceID, model.KeyUserEmail, model.KeyUserID,
	model.KeyNetworkID, model.KeyNetworkName, model.KeyResourceAddr, model.KeyAppliedRule, model.KeyResourceID,
	model.KeyCity, model.KeyRegion, model.KeyCountry, model.KeyLat, model.KeyLon,
	model.KeyRelayIP, model.KeyRelayName, model.KeyRelayPort,
	model.KeyAuditID, model.KeyCreatedAt, model.KeyHostname, model.KeyLevel, model.KeyLogType, model.KeyPID,
	model.KeyRequestID, model.KeyAuditUserID, model.KeyAuditUserName, model.KeyAction, model.KeyAccessGranted,
	model.KeyDeniedReason, model.KeyAuditClientIP, model.KeyForwardedFor, model.KeyMethod, model.KeyPath,
	model.KeyStatusCode, model.KeyStacktrace, model.KeyElement, model.KeyElementID, model.KeySetting,
	model.KeyOldValue, model.KeyNewValue, model.KeyMemoryMB, model.KeyTaniumEndpointID,
	model.KeyTraffic, model.KeyFlowProto, model.KeySrc, model.KeyDst, model.KeySrcIP, model.KeySrcPort,
	model.KeyDstIP, model.KeyDstPort, model.KeyTxPkts, model.KeyTxBytes, model.KeyRxPkts, model.KeyRxBytes,
	model.KeyNodeID, model.KeyNodeName, model.KeyNodeUser, model.KeyFlowStart, model.KeyFlowEnd, model.KeyFlowLogged,
	model.KeySessionID, model.KeySiteResource, model.KeyOrgID, model.KeySiteID, model.KeyClientID,
	model.KeySessUserID, model.KeySessUserEmail, model.KeySourceAddr, model.KeyDestAddr, model.KeySessProtocol,
	model.KeyStartedAt, model.KeyEndedAt, model.KeyBytesTx, model.KeyBytesRx, model.KeySessDuration,
	model.KeyResourceName, model.KeyPhase, model.KeyEndReason, model.KeySessionEvent,
	model.KeyGapReason, model.KeyGapCount, model.KeyBoundary,
	model.KeyAuditType, model.KeyAuditTypeNum, model.KeyAuditEvent, model.KeyAuditNode, model.KeyAuditLoginName,
}, model.AuditFieldKeys...)

// isKnownKey reports whether key is one of the parsers' keys (exact case:
// JSON keys are case-sensitive).
func isKnownKey(key string) bool {
	for _, k := range knownKeys {
		if k == key {
			return true
		}
	}
	return false
}

// valueClass says which units a field's numbers are stored in, so that
// rx>10MB and duration>30s convert the value once, at compile time.
type valueClass uint8

const (
	classAny      valueClass = iota // plain numbers; a size or duration unit is also accepted
	classSize                       // bytes
	classDuration                   // milliseconds
)

// keyClass returns the unit class of a field key.
func keyClass(key string) valueClass {
	switch key {
	case model.KeyRx, model.KeyTx, model.KeyTxBytes, model.KeyRxBytes, model.KeyBytesTx, model.KeyBytesRx:
		return classSize
	case model.KeyDuration, model.KeySessDuration:
		return classDuration
	}
	return classAny
}
