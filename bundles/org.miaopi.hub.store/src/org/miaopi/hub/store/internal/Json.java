package org.miaopi.hub.store.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Ordered string maps as JSON objects: readable in psql and ij, and the order is kept. */
public final class Json {

	private static final ObjectMapper MAPPER = new ObjectMapper();
	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	private Json() {
	}

	public static String encode(Map<String, String> map) {
		try {
			return MAPPER.writeValueAsString(map);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	public static Map<String, String> decode(String json) {
		try {
			return MAPPER.readValue(json, MAP);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("a stored JSON object cannot be read: " + e.getOriginalMessage(), e); //$NON-NLS-1$
		}
	}
}
