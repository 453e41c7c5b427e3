package synth

// The static catalogue the synthetic connector serves: where its users are,
// what they reach and through which relays. Addresses are chosen so that a
// client IP always maps to the same place (the first two octets name the
// city), as a real geoip lookup would.

type city struct {
	name, region, country string
	lat, lon              string // as the geoip record prints them
	prefix                uint32 // the first two octets of its client addresses
}

var cities = []city{
	{"Seattle", "WA", "US", "47.6062", "-122.3321", 73<<24 | 97<<16},
	{"San Francisco", "CA", "US", "37.7749", "-122.4194", 98<<24 | 210<<16},
	{"New York", "NY", "US", "40.7128", "-74.006", 68<<24 | 173<<16},
	{"Austin", "TX", "US", "30.2672", "-97.7431", 70<<24 | 112<<16},
	{"Chicago", "IL", "US", "41.8781", "-87.6298", 24<<24 | 14<<16},
	{"Denver", "CO", "US", "39.7392", "-104.9903", 71<<24 | 237<<16},
	{"Boston", "MA", "US", "42.3601", "-71.0589", 108<<24 | 20<<16},
	{"Toronto", "ON", "CA", "43.6532", "-79.3832", 99<<24 | 230<<16},
	{"London", "ENG", "GB", "51.5085", "-0.1257", 86<<24 | 130<<16},
	{"Berlin", "BE", "DE", "52.52", "13.405", 91<<24 | 64<<16},
	{"Paris", "IDF", "FR", "48.8566", "2.3522", 90<<24 | 83<<16},
	{"Amsterdam", "NH", "NL", "52.3676", "4.9041", 84<<24 | 104<<16},
	{"Dublin", "L", "IE", "53.3498", "-6.2603", 86<<24 | 46<<16},
	{"Bengaluru", "KA", "IN", "12.9716", "77.5946", 49<<24 | 207<<16},
	{"Singapore", "01", "SG", "1.3521", "103.8198", 118<<24 | 200<<16},
	{"Sydney", "NSW", "AU", "-33.8688", "151.2093", 101<<24 | 174<<16},
	{"Tokyo", "13", "JP", "35.6762", "139.6503", 126<<24 | 77<<16},
	{"São Paulo", "SP", "BR", "-23.5505", "-46.6333", 177<<24 | 68<<16},
}

// userNames become first.last@example.com; each user lives in one city and
// travels now and then.
var userNames = []string{
	"alice.nguyen", "bob.martinez", "carol.okafor", "dan.kowalski", "erin.walsh", "farid.haddad",
	"grace.lin", "hiro.tanaka", "isabel.costa", "jamal.wright", "kate.obrien", "liam.schmidt",
	"maya.patel", "noah.fischer", "olivia.brown", "pavel.ivanov", "quinn.murphy", "rosa.delgado",
	"sam.cohen", "tara.singh", "umar.khan", "vera.novak", "will.chen", "xena.rossi",
	"yusuf.demir", "zoe.martin", "arjun.rao", "bianca.moreau", "chris.evans", "deepa.iyer",
	"elena.petrova", "felix.wagner", "gwen.harris", "hassan.ali", "ines.garcia", "jonas.berg",
}

// resourceClass decides how a connection to a resource behaves: how long it
// lives and how many bytes move each way.
type resourceClass uint8

const (
	classWeb   resourceClass = iota // browser sessions: short, bursty
	classSSH                        // interactive: long, few bytes
	classDB                         // application pools: medium, steady
	classRDP                        // desktop streaming: long, heavy
	classFiles                      // SMB/NFS: bulk transfers
	classDNS                        // UDP request/response, idle timeout
	classAPI                        // kubectl, CI: short, small
	classQUIC                       // UDP/443: idle timeout like the k8s sample
)

type resourceDef struct {
	address, rule string
	id            string
	ips           []uint32 // addresses the connector resolves it to
	ports         []int
	udp           bool
	class         resourceClass
	weight        int
}

func ip4(a, b, c, d uint32) uint32 { return a<<24 | b<<16 | c<<8 | d }

var resourceDefs = []resourceDef{
	{"gitlab.internal.example.com", "*.internal.example.com", "2255492", []uint32{ip4(10, 20, 1, 15)}, []int{443, 22}, false, classWeb, 14},
	{"jira.internal.example.com", "*.internal.example.com", "2255492", []uint32{ip4(10, 20, 1, 22)}, []int{443}, false, classWeb, 10},
	{"grafana.internal.example.com", "*.internal.example.com", "2255492", []uint32{ip4(10, 20, 1, 31)}, []int{443, 3000}, false, classWeb, 8},
	{"wiki.internal.example.com", "*.internal.example.com", "2255492", []uint32{ip4(10, 20, 1, 40)}, []int{443}, false, classWeb, 6},
	{"app.website.com", "*.website.com", "2255501", []uint32{ip4(10, 20, 4, 10), ip4(10, 20, 4, 11)}, []int{443}, false, classWeb, 7},
	{"app.website.com", "*.website.com", "2255501", []uint32{ip4(10, 20, 4, 10), ip4(10, 20, 4, 11)}, []int{443}, true, classQUIC, 3},
	{"postgres-prod.db.example.internal", "postgres-prod.db.example.internal", "2255517", []uint32{ip4(10, 20, 8, 5)}, []int{5432}, false, classDB, 7},
	{"redis-cache.db.example.internal", "*.db.example.internal", "2255520", []uint32{ip4(10, 20, 8, 12)}, []int{6379}, false, classDB, 3},
	{"10.20.3.0/24", "10.20.3.0/24", "2255533", []uint32{ip4(10, 20, 3, 11), ip4(10, 20, 3, 12), ip4(10, 20, 3, 27), ip4(10, 20, 3, 54)}, []int{22}, false, classSSH, 9},
	{"bastion.example.internal", "bastion.example.internal", "2255540", []uint32{ip4(10, 20, 0, 10)}, []int{22}, false, classSSH, 5},
	{"k8s-api.prod.example.internal", "k8s-api.prod.example.internal", "2255548", []uint32{ip4(10, 20, 2, 100)}, []int{6443}, false, classAPI, 6},
	{"jumpbox-win.example.internal", "jumpbox-win.example.internal", "2255561", []uint32{ip4(10, 20, 5, 20)}, []int{3389}, false, classRDP, 3},
	{"files.example.internal", "files.example.internal", "2255570", []uint32{ip4(10, 20, 6, 4)}, []int{445}, false, classFiles, 3},
	{"nfs01.storage.example.internal", "*.storage.example.internal", "2255574", []uint32{ip4(10, 20, 6, 30)}, []int{2049}, false, classFiles, 2},
	{"10.20.0.2", "10.20.0.2", "2255580", []uint32{ip4(10, 20, 0, 2)}, []int{53}, true, classDNS, 6},
	{"vault.internal.example.com", "*.internal.example.com", "2255492", []uint32{ip4(10, 20, 1, 60)}, []int{8200}, false, classAPI, 3},
	{"metrics.internal.example.com", "*.internal.example.com", "2255492", []uint32{ip4(10, 20, 1, 70)}, []int{9090}, false, classAPI, 3},
}

// relayPool is where relays come from: the connector keeps four at a time
// and swaps one out when it stops answering.
var relayPool = []struct {
	ip   uint32
	port int
}{
	{ip4(34, 147, 237, 117), 30018}, {ip4(34, 147, 237, 117), 30005}, {ip4(35, 188, 149, 148), 30000},
	{ip4(35, 188, 149, 148), 30001}, {ip4(34, 89, 44, 201), 30010}, {ip4(34, 89, 44, 201), 30009},
	{ip4(35, 234, 12, 88), 30002}, {ip4(34, 107, 201, 19), 30014}, {ip4(35, 197, 70, 3), 30021},
	{ip4(34, 160, 18, 250), 30007},
}

const relayName = "relaybalancer+https://relays.twingate.com"

// Connection failure texts. The vendor documents the field but not its
// values; these read like the admin console's status vocabulary.
var (
	failReasons = []string{
		"connection refused", "connection timed out", "no route to host",
		"host unreachable", "connection reset by peer",
	}
	dnsFailReason   = "DNS_ERROR: failed to resolve address"
	relayFailReason = "CONNECTION_FAILED: no relay available"
	denyReasons     = []string{
		"access denied: resource is not assigned to the user",
		"access denied: device did not pass the security policy",
		"access denied: user session expired, re-authentication required",
		"access denied: port is not allowed by the resource",
	}
)
