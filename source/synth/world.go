package synth

import (
	"strconv"

	"connlog/model/export"
)

// world is the catalogue of one synthetic deployment, with the JSON fragments
// that never change pre-rendered, so that an ANALYTICS line is mostly copies.
type world struct {
	users     []user
	devices   []device
	resources []resource
	locations [][]byte // per city: `"location": "{\"geoip\":…}"`
	connector []byte   // `"connector": {…}`
	network   []byte   // `"remote_network": {…}`
	userPick  picker
	resPick   picker
}

type user struct {
	email, id string
	home      int // city index
	hostIP    uint32
	devices   []int
	json      []byte // `"user": {"email": …, "id": …}`
}

type device struct {
	id      string
	user    int
	session uint64 // the first half of its connection ids; renewed when the device reconnects
	counter int    // the second half
	json    []byte // `"device": {"id": …}`
}

type resource struct {
	resourceDef
	json []byte // `"resource": {"address": …, "applied_rule": …, "id": …}`
}

func newWorld(r *rng, opts *Options) *world {
	w := &world{}
	for _, c := range cities {
		inner := `{"geoip":{"city":"` + c.name + `","country":"` + c.country + `","lat":` + c.lat +
			`,"lon":` + c.lon + `,"region":"` + c.region + `"}}`
		w.locations = append(w.locations, export.AppendJSONString([]byte(`"location": `), inner))
	}
	w.connector = jsonObject("connector", "id", opts.ConnectorID, "name", opts.ConnectorName)
	w.network = jsonObject("remote_network", "id", opts.NetworkID, "name", opts.NetworkName)
	w.addUsers(r)
	weights := make([]int, len(resourceDefs))
	for i, d := range resourceDefs {
		w.resources = append(w.resources, resource{d, jsonObject("resource", "address", d.address, "applied_rule", d.rule, "id", d.id)})
		weights[i] = d.weight
	}
	w.resPick = newPicker(weights)
	return w
}

// addUsers gives every user a home city, a home NAT address and one or two
// devices; a few users are much busier than the rest, as in any company.
func (w *world) addUsers(r *rng) {
	userBase := 113000 + r.intn(900)
	deviceBase := 200000 + r.intn(9000)
	weights := make([]int, len(userNames))
	for i, name := range userNames {
		u := user{email: name + "@example.com", id: strconv.Itoa(userBase + i*7 + r.intn(7)), home: r.intn(len(cities))}
		u.hostIP = cities[u.home].prefix | uint32(r.between(1, 254))<<8 | uint32(r.between(1, 254))
		u.json = jsonObject("user", "email", u.email, "id", u.id)
		for d := 0; d < 1+r.intn(2); d++ {
			dev := device{id: strconv.Itoa(deviceBase + len(w.devices)*13 + r.intn(13)), user: i, session: r.u64()}
			dev.json = jsonObject("device", "id", dev.id)
			u.devices = append(u.devices, len(w.devices))
			w.devices = append(w.devices, dev)
		}
		w.users = append(w.users, u)
		weights[i] = 1 + r.intn(4)
		if r.chance(0.15) {
			weights[i] += 12
		}
	}
	w.userPick = newPicker(weights)
}

// jsonObject renders `"name": {"k1": "v1", "k2": "v2", …}` with the spacing
// of the connector's ANALYTICS lines.
func jsonObject(name string, kv ...string) []byte {
	b := export.AppendJSONString(nil, name)
	b = append(b, ": {"...)
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = export.AppendJSONString(b, kv[i])
		b = append(b, ": "...)
		b = export.AppendJSONString(b, kv[i+1])
	}
	return append(b, '}')
}
