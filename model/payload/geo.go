package payload

import "connlog/model"

// location decodes v2's location member, a string holding JSON
// ({"geoip":{city,country,lat,lon,region}}), into the location.* keys. When
// the string is not that JSON, it is kept whole under "location" and the
// returned error says why; the rest of the record is unaffected. An object
// instead of a string is read directly.
func location(sc *scanner, fl *fieldList) string {
	switch sc.next() {
	case kindObject:
		geoDocument(sc, fl)
		return ""
	case kindString:
	default:
		flatten(sc, fl, keyLocationRaw, 1, maxGenericDepth)
		return ""
	}
	raw := sc.str()
	if raw == "" || sc.err != nil {
		return ""
	}
	mark := len(fl.fs)
	inner := scanner{s: raw}
	geoDocument(&inner, fl)
	if inner.err == nil && inner.more() {
		inner.fail("unexpected data after the object")
	}
	if inner.err != nil {
		fl.fs = fl.fs[:mark]
		fl.str(keyLocationRaw, raw)
		return "location is not valid JSON: " + inner.err.Error()
	}
	return ""
}

// geoDocument reads {"geoip":{...}}; members other than geoip keep their
// path under location.
func geoDocument(sc *scanner, fl *fieldList) {
	if sc.next() != kindObject {
		sc.fail("expected an object")
		return
	}
	sc.object(func(key string) {
		if key == "geoip" {
			subObject(sc, fl, keyLocationRaw, geoipKeys)
			return
		}
		flatten(sc, fl, joinPath(keyLocationRaw, key), 2, maxGenericDepth)
	})
}

func geoipKeys(m string) (string, fieldType) {
	switch m {
	case "city":
		return model.KeyCity, asScalar
	case "country":
		return model.KeyCountry, asScalar
	case "region":
		return model.KeyRegion, asScalar
	case "lat":
		return model.KeyLat, asNumber
	case "lon":
		return model.KeyLon, asNumber
	}
	return "", asScalar
}

// clientGeo maps v1's connection.client_geo (city.name, country.iso_code,
// subdivision.name, location.latitude/longitude) onto the location.* keys;
// its other members (continent, as, timezone...) keep their paths.
func clientGeo(sc *scanner, fl *fieldList) {
	if sc.next() != kindObject {
		flatten(sc, fl, pathClientGeo, 2, maxGenericDepth)
		return
	}
	sc.object(func(member string) {
		prefix := ""
		var known memberKeys
		switch member {
		case "city":
			prefix, known = pathClientGeo+".city", geoCityKeys
		case "country":
			prefix, known = pathClientGeo+".country", geoCountryKeys
		case "subdivision":
			prefix, known = pathClientGeo+".subdivision", geoSubdivisionKeys
		case "location":
			prefix, known = pathClientGeo+".location", geoPointKeys
		default:
			flatten(sc, fl, joinPath(pathClientGeo, member), 3, maxGenericDepth)
			return
		}
		subObject(sc, fl, prefix, known)
	})
}

func geoCityKeys(m string) (string, fieldType) {
	if m == "name" {
		return model.KeyCity, asScalar
	}
	return "", asScalar
}

func geoCountryKeys(m string) (string, fieldType) {
	if m == "iso_code" {
		return model.KeyCountry, asScalar
	}
	return "", asScalar
}

func geoSubdivisionKeys(m string) (string, fieldType) {
	if m == "name" {
		return model.KeyRegion, asScalar
	}
	return "", asScalar
}

func geoPointKeys(m string) (string, fieldType) {
	switch m {
	case "latitude":
		return model.KeyLat, asNumber
	case "longitude":
		return model.KeyLon, asNumber
	}
	return "", asScalar
}
